-- Read models of the query-side projection "audit"; rebuilt from events on replay. Like every projection it
-- reads only its own tables: the audit_group/_member/_shift_type/_swap/_coverage rows are the little directory
-- it keeps to name members and shift types, and to find a swap's or coverage request's group, slots and
-- parties in the events that do not carry them.
create table audit_group (
    group_id  uuid         not null primary key,
    name      varchar(200) not null,
    time_zone varchar(64)  not null
);

create table audit_member (
    id       uuid         not null primary key,
    group_id uuid         not null,
    name     varchar(200) not null,
    role     varchar(20)  not null
);

create table audit_shift_type (
    id           uuid         not null primary key,
    group_id     uuid         not null,
    name         varchar(200) not null,
    days_of_week varchar(100) not null
);

create table audit_swap (
    id              uuid        not null primary key,
    group_id        uuid        not null,
    kind            varchar(20) not null,
    status          varchar(20) not null,
    proposer_id     uuid        not null,
    counterpart_id  uuid        not null,
    from_shift_type uuid        not null,
    from_date       date        not null,
    to_shift_type   uuid,
    to_date         date
);

create table audit_coverage (
    id            uuid        not null primary key,
    group_id      uuid        not null,
    status        varchar(20) not null,
    shift_type_id uuid        not null,
    slot_date     date        not null,
    requester_id  uuid,
    claimant_id   uuid
);

-- One entry per event that concerned a group, keyed by the event's message id so that a redelivered or
-- replayed event adds nothing. position is the event's global position (the log's order, newest first).
-- before/after are small JSON objects (text, so their keys stay in the order written).
create table audit_entry (
    event_id          varchar(64)                 not null primary key,
    position          bigint                      not null,
    group_id          uuid                        not null,
    at                timestamp(6) with time zone not null,
    type              varchar(40)                 not null,
    actor_member_id   uuid,
    actor_name        text,
    actor_role        varchar(20),
    actor_source      varchar(20),
    on_behalf_of      uuid,
    on_behalf_of_name text,
    correlation_id    text,
    summary           text                        not null,
    shift_type_id     uuid,
    slot_date         date,
    before_json       text,
    after_json        text,
    reason            text
);
-- A page is found first from an index alone (the indexes carry event_id, and at for the time filter), then
-- only its rows are read: a deep page or a time filter never reads thousands of rows of the table itself.
create index audit_entry_group_position on audit_entry (group_id, position desc) include (event_id, at);
create index audit_entry_group_type on audit_entry (group_id, type, position desc) include (event_id, at);
create index audit_entry_group_at on audit_entry (group_id, at) include (event_id, position);
create index audit_entry_group_slot on audit_entry (group_id, shift_type_id, slot_date, position desc) include (event_id, at)
    where shift_type_id is not null;
create index audit_entry_group_date on audit_entry (group_id, slot_date, position desc) include (event_id, at)
    where slot_date is not null;

-- The members an entry concerns (assignee before or after, actor, acted-for, swap or coverage parties, the
-- subject of a member event), for the memberId filter. No foreign key: a rebuild while serving copies the tables
-- with their primary keys and indexes only, and both tables are written and emptied together anyway.
create table audit_entry_member (
    event_id  varchar(64) not null,
    member_id uuid        not null,
    group_id  uuid        not null,
    position  bigint      not null,
    primary key (event_id, member_id)
);
create index audit_entry_member_group_member on audit_entry_member (group_id, member_id, position desc);
