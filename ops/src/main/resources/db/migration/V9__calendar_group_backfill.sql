-- Backfill of the calendar projection's calendar_group (query-side V8) on databases that already hold
-- groups: the "calendar" processor's token is past their GroupCreatedEvents, so its new handler never sees
-- them. Read from the events themselves (JSON payloads, Jackson, typed ids as plain UUID strings), not from
-- group_view, whose processor may lag. Idempotent like the handler: a group already there is kept.
-- A payload holding an escaped NUL (a poison event waiting in a dead-letter queue) cannot be cast to jsonb:
-- the escape is dropped first, so such an event never stops the migration.
insert into calendar_group (group_id, time_zone)
select (e.payload ->> 'groupId')::uuid, e.payload ->> 'timeZone'
from (select replace(convert_from(payload, 'UTF8'), '\u0000', '')::jsonb as payload
      from domain_event_entry
      where payload_type = 'app.rota.kernel.group.GroupCreatedEvent') e
on conflict (group_id) do nothing;
