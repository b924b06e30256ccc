-- The command side's facts for swaps and coverage requests.

-- The group's approval policies (read when a swap is accepted or a coverage request claimed) and its
-- escalation timeout; backfilled from the events that state them.
alter table cmd_group add column swap_approval_required boolean not null default false;
alter table cmd_group add column coverage_approval_required boolean not null default false;
alter table cmd_group add column escalation_timeout_minutes integer not null default 240;

with latest_settings as (
    select distinct on (aggregate_identifier)
           aggregate_identifier as group_id,
           case when payload_type = 'app.rota.kernel.group.GroupCreatedEvent'
                then replace(convert_from(payload, 'UTF8'), '\u0000', '')::jsonb -> 'settings'
                else replace(convert_from(payload, 'UTF8'), '\u0000', '')::jsonb -> 'after' end as settings
    from domain_event_entry
    where payload_type in ('app.rota.kernel.group.GroupCreatedEvent', 'app.rota.kernel.group.GroupSettingsChangedEvent')
    order by aggregate_identifier, sequence_number desc
)
update cmd_group g
set swap_approval_required = coalesce((s.settings ->> 'swapApprovalRequired')::boolean, false),
    coverage_approval_required = coalesce((s.settings ->> 'coverageApprovalRequired')::boolean, false),
    escalation_timeout_minutes = coalesce((s.settings ->> 'escalationTimeoutMinutes')::integer, 240)
from latest_settings s
where g.group_id::text = s.group_id;

-- A slot is in at most one pending swap or coverage request: the key settles it.
create table cmd_pending_slot (
    slot_key   varchar(60) not null primary key,
    group_id   uuid        not null,
    owner_kind varchar(20) not null,
    owner_id   uuid        not null
);
create index cmd_pending_slot_owner on cmd_pending_slot (owner_id);
