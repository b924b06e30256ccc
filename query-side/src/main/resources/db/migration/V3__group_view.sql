-- Read model of groups (query-side projection "groups"); rebuilt from events on replay.
create table group_view (
    id                         uuid                        not null primary key,
    name                       varchar(100)                not null,
    time_zone                  varchar(64)                 not null,
    swap_approval_required     boolean                     not null,
    coverage_approval_required boolean                     not null,
    daily_reminder_time        time(0)                     not null,
    reminder_lead_minutes      integer                     not null,
    quiet_hours_start          time(0)                     not null,
    quiet_hours_end            time(0)                     not null,
    escalation_timeout_minutes integer                     not null,
    created_at                 timestamp(6) with time zone not null,
    version                    bigint                      not null
);

create table group_view_holiday (
    group_id uuid not null references group_view (id) on delete cascade,
    holiday  date not null,
    primary key (group_id, holiday)
);
