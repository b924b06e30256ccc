-- The calendar projection's record of what it was told and when: one row per change of a slot, a member or a
-- shift type, holding the state right after the event at global position `position`, recorded by the event
-- store at `recorded_at` (the event's timestamp). Rows are only ever added. The as-of calendar and on-call read
-- the latest row at or before an instant; the live stream (server-sent events) reads a group's rows after a
-- position. Rebuilt from events on replay like every other table of the calendar. `seq` numbers the slot changes in
-- the order the calendar recorded them (events commit out of order, so a late event's position can be lower than
-- one recorded before it): the stream follows `seq`, so it never jumps over a late change.
create table calendar_slot_change (
    position            bigint                      not null,
    slot_key            varchar(60)                 not null,
    group_id            uuid                        not null,
    shift_type_id       uuid                        not null,
    slot_date           date                        not null,
    member_id           uuid,
    version             bigint                      not null,
    swap_id             uuid,
    coverage_request_id uuid,
    recorded_at         timestamp(6) with time zone not null,
    seq                 bigint generated always as identity,
    primary key (position, slot_key)
);
create index calendar_slot_change_dates on calendar_slot_change (group_id, slot_date, slot_key, position);
create index calendar_slot_change_stream on calendar_slot_change (group_id, seq);

create table calendar_member_change (
    position      bigint                      not null,
    member_id     uuid                        not null,
    group_id      uuid                        not null,
    name          varchar(100)                not null,
    active        boolean                     not null,
    sms_opted_out boolean                     not null,
    recorded_at   timestamp(6) with time zone not null,
    primary key (position, member_id)
);
create index calendar_member_change_group on calendar_member_change (group_id, member_id, position);

create table calendar_shift_type_change (
    position       bigint                      not null,
    shift_type_id  uuid                        not null,
    group_id       uuid                        not null,
    name           varchar(100)                not null,
    start_time     time(0)                     not null,
    duration_hours integer                     not null,
    days_of_week   varchar(80)                 not null,
    retired        boolean                     not null,
    recorded_at    timestamp(6) with time zone not null,
    primary key (position, shift_type_id)
);
create index calendar_shift_type_change_group on calendar_shift_type_change (group_id, shift_type_id, position);
