-- Read models of the query-side projection "calendar"; rebuilt from events on replay.
create table shift_type_view (
    id             uuid         not null primary key,
    group_id       uuid         not null,
    name           varchar(100) not null,
    start_time     time(0)      not null,
    duration_hours integer      not null,
    days_of_week   varchar(80)  not null,
    retired        boolean      not null
);
create index shift_type_view_group on shift_type_view (group_id);

create table member_view (
    id       uuid         not null primary key,
    group_id uuid         not null,
    name     varchar(100) not null,
    phone    varchar(20)  not null,
    role     varchar(20)  not null,
    active   boolean      not null
);
create index member_view_group on member_view (group_id);

create table slot_view (
    slot_key      varchar(60)                 not null primary key,
    group_id      uuid                        not null,
    shift_type_id uuid                        not null,
    slot_date     date                        not null,
    member_id     uuid,
    start_at      timestamp(6) with time zone not null,
    end_at        timestamp(6) with time zone not null,
    version       bigint                      not null
);
create index slot_view_group_date on slot_view (group_id, slot_date);
create index slot_view_member_date on slot_view (member_id, slot_date);
