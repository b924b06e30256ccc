-- The calendar projection now records every change it is told (query-side V19: calendar_slot_change,
-- calendar_member_change, calendar_shift_type_change) for the as-of reads and the live stream. On a database
-- that already holds events those tables would start empty, and the as-of calendar would show nothing before
-- the upgrade. So the calendar is rebuilt once from the first event: its tables are emptied and its token
-- removed, and the "calendar" tracking processor replays the event store when the node starts (the calendar
-- answers with what it has replayed so far until it has caught up; docs/history.md). On a new database this
-- changes nothing.
delete from token_entry where processor_name = 'calendar';
delete from slot_view;
delete from member_view;
delete from shift_type_view;
delete from calendar_group;
