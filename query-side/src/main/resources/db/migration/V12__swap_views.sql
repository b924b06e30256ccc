-- Read models of the query-side projection "swaps"; rebuilt from events on replay. Like every
-- projection it reads only its own tables, so it keeps its own copies of the groups' zones and the
-- members' names (filled by its own handlers of GroupCreatedEvent, MemberAddedEvent, MemberChangedEvent).
create table swap_group (
    group_id  uuid        not null primary key,
    time_zone varchar(64) not null
);

create table swap_member (
    id       uuid         not null primary key,
    group_id uuid         not null,
    name     varchar(100) not null
);

-- One row per swap. Slot intervals are the real instants recorded at the proposal; they are shown in
-- the group's zone when read. version = the swap aggregate's sequence number of its last event + 1.
create table swap_view (
    id                 uuid                        not null primary key,
    group_id           uuid                        not null,
    kind               varchar(20)                 not null,
    status             varchar(20)                 not null,
    proposer_id        uuid                        not null,
    counterpart_id     uuid                        not null,
    from_shift_type_id uuid                        not null,
    from_date          date                        not null,
    from_start         timestamp(6) with time zone not null,
    from_end           timestamp(6) with time zone not null,
    to_shift_type_id   uuid,
    to_date            date,
    to_start           timestamp(6) with time zone,
    to_end             timestamp(6) with time zone,
    reason             text,
    created_at         timestamp(6) with time zone not null,
    expires_at         timestamp(6) with time zone,
    closed_at          timestamp(6) with time zone,
    failure_reason     text,
    version            bigint                      not null
);
create index swap_view_group_created on swap_view (group_id, created_at desc, id desc);
create index swap_view_proposer on swap_view (proposer_id);
create index swap_view_counterpart on swap_view (counterpart_id);

-- One row per event that changed the swap's status, keyed by the event's sequence number in the swap's
-- stream, so a redelivered event adds nothing.
create table swap_history (
    swap_id      uuid                        not null references swap_view (id) on delete cascade,
    sequence     bigint                      not null,
    status       varchar(20)                 not null,
    at           timestamp(6) with time zone not null,
    actor_name   text,
    actor_role   text,
    actor_source text,
    on_behalf_of uuid,
    primary key (swap_id, sequence)
);

-- The calendar projection: the pending swap a slot is in (null when none).
alter table slot_view add column swap_id uuid;
create index slot_view_swap on slot_view (swap_id) where swap_id is not null;
