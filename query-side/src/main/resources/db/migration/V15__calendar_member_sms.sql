-- The calendar's members: whether their number opted out of SMS (MemberOptedOutOfSmsEvent, until a
-- MemberOptedInToSmsEvent), so that a slot's assignee shows as not reachable by SMS. Rebuilt from events on
-- replay like the rest of member_view. No backfill: the member aggregate records opt-outs only from the
-- release that brings this column and its handlers, so every existing member is opted in.
alter table member_view add column sms_opted_out boolean not null default false;
