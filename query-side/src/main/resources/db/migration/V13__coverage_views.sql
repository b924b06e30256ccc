-- Read models of the query-side projection "coverage"; rebuilt from events on replay. Like every
-- projection it reads only its own tables, so it keeps its own copies of the groups' zones and the
-- members' names (filled by its own handlers of GroupCreatedEvent, MemberAddedEvent, MemberChangedEvent).
create table coverage_group (
    group_id  uuid        not null primary key,
    time_zone varchar(64) not null
);

create table coverage_member (
    id       uuid         not null primary key,
    group_id uuid         not null,
    name     varchar(100) not null
);

-- One row per coverage request. The slot's interval is the real instants recorded at the request; it is
-- shown in the group's zone when read. requester_id is null for an open shift; claimant_id is set by a
-- claim and cleared when the claim is rejected. version = the request aggregate's sequence number of its
-- last event + 1.
create table coverage_request_view (
    id            uuid                        not null primary key,
    group_id      uuid                        not null,
    status        varchar(20)                 not null,
    shift_type_id uuid                        not null,
    slot_date     date                        not null,
    slot_start    timestamp(6) with time zone not null,
    slot_end      timestamp(6) with time zone not null,
    requester_id  uuid,
    claimant_id   uuid,
    reason        text,
    created_at    timestamp(6) with time zone not null,
    escalates_at  timestamp(6) with time zone,
    escalated_at  timestamp(6) with time zone,
    closed_at     timestamp(6) with time zone,
    version       bigint                      not null
);
create index coverage_request_view_group_created on coverage_request_view (group_id, created_at desc, id desc);

-- The members the request was offered to when it was made, in the order the event lists them.
create table coverage_offered (
    request_id uuid    not null references coverage_request_view (id) on delete cascade,
    position   integer not null,
    member_id  uuid    not null,
    primary key (request_id, position)
);

-- One row per event that changed the request's status, keyed by the event's sequence number in the
-- request's stream, so a redelivered event adds nothing.
create table coverage_history (
    request_id   uuid                        not null references coverage_request_view (id) on delete cascade,
    sequence     bigint                      not null,
    status       varchar(20)                 not null,
    at           timestamp(6) with time zone not null,
    actor_name   text,
    actor_role   text,
    actor_source text,
    on_behalf_of uuid,
    primary key (request_id, sequence)
);

-- The calendar projection: the pending coverage request a slot is in (null when none). An open shift's
-- slot may have had no row yet: the request inserts one with no member.
alter table slot_view add column coverage_request_id uuid;
create index slot_view_coverage_request on slot_view (coverage_request_id) where coverage_request_id is not null;
