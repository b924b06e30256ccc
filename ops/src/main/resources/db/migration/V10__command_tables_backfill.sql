-- V6 added three columns to the command side's tables with values that were not the facts for rows
-- that already existed: every member's role became MEMBER (an auditor would have been rotated), the
-- joined order followed the table's physical order, and every group lost its holidays. Recompute all
-- three from the events that state them. On a database created after V6 this changes nothing.
-- A payload holding an escaped NUL (a poison event waiting in a dead-letter queue) cannot be cast to
-- jsonb: the escape is dropped first, so such an event never stops the migration.

with latest_role as (
    select distinct on (aggregate_identifier)
           aggregate_identifier as member_id,
           replace(convert_from(payload, 'UTF8'), '\u0000', '')::jsonb ->> 'role' as role
    from domain_event_entry
    where payload_type in ('app.rota.kernel.member.MemberAddedEvent', 'app.rota.kernel.member.MemberChangedEvent')
    order by aggregate_identifier, sequence_number desc
)
update cmd_member m
set role = r.role
from latest_role r
where m.member_id::text = r.member_id and r.role is not null and m.role <> r.role;

with joined as (
    select aggregate_identifier as member_id, row_number() over (order by global_index) as joined
    from domain_event_entry
    where payload_type = 'app.rota.kernel.member.MemberAddedEvent'
)
update cmd_member m
set joined_order = j.joined
from joined j
where m.member_id::text = j.member_id;

select setval(pg_get_serial_sequence('cmd_member', 'joined_order'),
              greatest((select coalesce(max(joined_order), 0) from cmd_member), 1));

with latest_settings as (
    select distinct on (aggregate_identifier)
           aggregate_identifier as group_id,
           case when payload_type = 'app.rota.kernel.group.GroupCreatedEvent'
                then replace(convert_from(payload, 'UTF8'), '\u0000', '')::jsonb -> 'settings' -> 'holidays'
                else replace(convert_from(payload, 'UTF8'), '\u0000', '')::jsonb -> 'after' -> 'holidays' end as holidays
    from domain_event_entry
    where payload_type in ('app.rota.kernel.group.GroupCreatedEvent', 'app.rota.kernel.group.GroupSettingsChangedEvent')
    order by aggregate_identifier, sequence_number desc
)
update cmd_group g
set holidays = coalesce((select array_agg(day::date order by day::date)
                         from jsonb_array_elements_text(case when jsonb_typeof(s.holidays) = 'array'
                                                             then s.holidays else '[]'::jsonb end) as day), '{}')
from latest_settings s
where g.group_id::text = s.group_id;
