-- The command side's facts for swaps (and next, coverage requests).

-- The group's approval policy, read when a swap is accepted; backfilled from the events that state it.
alter table cmd_group add column swap_approval_required boolean not null default false;
alter table cmd_group add column coverage_approval_required boolean not null default false;

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
    coverage_approval_required = coalesce((s.settings ->> 'coverageApprovalRequired')::boolean, false)
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
