-- Set-based validation tables owned by the command side, written in the same transaction as the
-- events of the command that changes them (never read from the query side).

create table cmd_group (
    group_id  uuid        not null primary key,
    time_zone varchar(64) not null
);

-- Phone unique within a group: the unique constraint settles concurrent adds (exactly one wins).
create table cmd_member (
    member_id uuid        not null primary key,
    group_id  uuid        not null references cmd_group (group_id),
    phone     varchar(20) not null,
    active    boolean     not null,
    constraint cmd_member_phone_unique unique (group_id, phone)
);

create table cmd_shift_type (
    shift_type_id  uuid        not null primary key,
    group_id       uuid        not null references cmd_group (group_id),
    start_time     time(0)     not null,
    duration_hours integer     not null,
    days_of_week   varchar(80) not null,
    retired        boolean     not null
);

-- Who holds which slot, with its real interval: the overlap check reads it under a per-member lock.
create table cmd_booking (
    slot_key      varchar(60)                 not null primary key,
    group_id      uuid                        not null,
    shift_type_id uuid                        not null,
    slot_date     date                        not null,
    member_id     uuid                        not null,
    start_at      timestamp(6) with time zone not null,
    end_at        timestamp(6) with time zone not null
);
create index cmd_booking_member_time on cmd_booking (member_id, start_at, end_at);
create index cmd_booking_group_date on cmd_booking (group_id, slot_date);

create table cmd_time_off (
    id        bigserial primary key,
    member_id uuid not null references cmd_member (member_id),
    group_id  uuid not null,
    from_date date not null,
    to_date   date not null
);
create index cmd_time_off_member on cmd_time_off (member_id, from_date, to_date);

-- A login may belong to a member of one group; its group role is kept in step with member events.
alter table accounts add column member_id uuid unique;
alter table accounts add column group_id uuid;
alter table accounts add column group_role varchar(20);
