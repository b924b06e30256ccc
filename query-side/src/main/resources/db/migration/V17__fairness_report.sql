-- Read models of the query-side projection "reports" (the fairness report); rebuilt from events on replay.
-- Like every projection it reads only its own tables: its own copies of the groups' zones and holidays, the
-- shift types' timing and the members' names, roles and whether they are active.
create table report_group (
    group_id  uuid        not null primary key,
    time_zone varchar(64) not null
);

-- The group's holidays as its settings list them now (a settings change replaces them all).
create table report_holiday (
    group_id uuid not null,
    holiday  date not null,
    primary key (group_id, holiday)
);

create table report_shift_type (
    id             uuid    not null primary key,
    group_id       uuid    not null,
    start_time     time(0) not null,
    duration_hours integer not null
);
create index report_shift_type_group on report_shift_type (group_id);

create table report_member (
    id       uuid        not null primary key,
    group_id uuid        not null,
    name     text        not null,
    role     varchar(20) not null,
    active   boolean     not null
);
create index report_member_group on report_member (group_id);

-- Each assigned slot's current assignee; an unassigned slot has no row.
create table report_slot (
    shift_type_id uuid not null,
    slot_date     date not null,
    group_id      uuid not null,
    member_id     uuid not null,
    primary key (shift_type_id, slot_date)
);
create index report_slot_group_date on report_slot (group_id, slot_date) include (shift_type_id, member_id);

-- One row per slot a completed swap moved (a trade moves two, a give-away one): who handed it over, who took it.
create table report_swap_move (
    swap_id       uuid not null,
    shift_type_id uuid not null,
    slot_date     date not null,
    group_id      uuid not null,
    giver_id      uuid not null,
    taker_id      uuid not null,
    primary key (swap_id, shift_type_id, slot_date)
);
create index report_swap_move_group_date on report_swap_move (group_id, slot_date);

-- One row per covered coverage request: the holder relieved (null for an open shift) and who covered.
create table report_coverage (
    request_id   uuid not null primary key,
    group_id     uuid not null,
    slot_date    date not null,
    requester_id uuid,
    claimant_id  uuid not null
);
create index report_coverage_group_date on report_coverage (group_id, slot_date);
