-- Read models of the query-side projection "directory" (members, shift types and time off as the directory
-- reads show them); rebuilt from events on replay. Like every projection it reads only its own tables.
-- A new tracking processor starts from the first event (Axon's default initial token is the tail of the
-- event store), so on a database that already holds events these tables fill from history at start-up.
create table directory_group (
    group_id  uuid        not null primary key,
    time_zone varchar(64) not null
);

create table directory_member (
    id            uuid        not null primary key,
    group_id      uuid        not null,
    name          text        not null,
    phone         varchar(20) not null,
    role          varchar(20) not null,
    active        boolean     not null,
    sms_opted_out boolean     not null
);
create index directory_member_group on directory_member (group_id, lower(name), id);

create table directory_shift_type (
    id             uuid        not null primary key,
    group_id       uuid        not null,
    name           text        not null,
    start_time     time(0)     not null,
    duration_hours integer     not null,
    days_of_week   varchar(80) not null,
    retired        boolean     not null
);
create index directory_shift_type_group on directory_shift_type (group_id);

-- Declared time off that still holds: a withdrawn declaration's row is deleted.
create table directory_time_off (
    id        uuid not null primary key,
    member_id uuid not null,
    group_id  uuid not null,
    from_date date not null,
    to_date   date not null,
    reason    text
);
create index directory_time_off_member on directory_time_off (member_id, to_date);
