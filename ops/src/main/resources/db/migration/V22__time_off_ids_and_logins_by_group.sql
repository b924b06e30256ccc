-- Time off gets an id (TimeOffDeclaredEvent revision 2), so that a declaration can be withdrawn
-- (TimeOffWithdrawnEvent deletes its row). A declaration stored before has the id of the event message it
-- was stored under, as the upcaster (TimeOffIdUpcaster) reads it: the event identifier when it is a UUID
-- (Axon's identifiers always are), else an MD5 of 'time-off:' and the identifier. The table is refilled from
-- the stored declarations with those ids; no withdrawal can have been stored before this release.
-- A payload holding an escaped NUL cannot be cast to jsonb: the escape is dropped first (as in V10).
alter table cmd_time_off add column time_off_id uuid;

delete from cmd_time_off;

insert into cmd_time_off (time_off_id, member_id, group_id, from_date, to_date)
select case when e.event_identifier ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
            then e.event_identifier::uuid
            else md5('time-off:' || e.event_identifier)::uuid end,
       (p.payload ->> 'memberId')::uuid, (p.payload ->> 'groupId')::uuid,
       (p.payload ->> 'from')::date, (p.payload ->> 'to')::date
from domain_event_entry e
cross join lateral (select replace(convert_from(e.payload, 'UTF8'), '\u0000', '')::jsonb as payload) p
where e.payload_type = 'app.rota.kernel.member.TimeOffDeclaredEvent'
  and exists (select 1 from cmd_member m where m.member_id = (p.payload ->> 'memberId')::uuid)
order by e.global_index;

alter table cmd_time_off alter column time_off_id set not null;
create unique index cmd_time_off_id on cmd_time_off (time_off_id);

-- The directory reads a group's logins (their usernames) on every members read.
create index accounts_group on accounts (group_id) where group_id is not null;
