-- The calendar projection's own copy of each group's time zone, so calendar reads never depend on the
-- "groups" projection's table (group_view) having caught up. Filled by the calendar's own handler of
-- GroupCreatedEvent and rebuilt from events on replay; existing rows are backfilled from the event store
-- by ops' V9 (this file must not need the event store: the query side's tests run without it).
create table calendar_group (
    group_id  uuid        not null primary key,
    time_zone varchar(64) not null
);
