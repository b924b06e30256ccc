-- The notifier's tables. ntf_group, ntf_member, ntf_shift_type and ntf_slot are its own copy of what it
-- needs to address and word SMS, written only by its event processor ("notifier"); ntf_message is the
-- outbox and the notification log at once.

create table ntf_group (
    group_id              uuid primary key,
    name                  text not null,
    time_zone             text not null,
    daily_reminder_time   time not null,
    reminder_lead_minutes int  not null,
    quiet_hours_start     time,
    quiet_hours_end       time
);

create table ntf_member (
    member_id uuid primary key,
    group_id  uuid    not null,
    name      text    not null,
    phone     text    not null,
    role      text    not null,
    active    boolean not null,
    opted_out boolean not null default false
);
create index ntf_member_phone on ntf_member (phone);
create index ntf_member_group on ntf_member (group_id);

create table ntf_shift_type (
    shift_type_id uuid primary key,
    group_id      uuid not null,
    name          text not null
);

-- Who holds each assigned slot now, with its real interval: reminders are sent to whoever holds it.
create table ntf_slot (
    shift_type_id uuid        not null,
    slot_date     date        not null,
    group_id      uuid        not null,
    member_id     uuid        not null,
    starts_at     timestamptz not null,
    ends_at       timestamptz not null,
    primary key (shift_type_id, slot_date)
);
create index ntf_slot_group_start on ntf_slot (group_id, starts_at);

-- Events stored before the notifier existed never cause an SMS (a first start on an old event store
-- replays them all to build the tables above).
create table ntf_epoch (
    only_row boolean primary key default true check (only_row),
    since    timestamptz not null
);
insert into ntf_epoch (since) values (now());

-- One row per SMS: (cause, member_id, purpose) is unique, so a redelivered or replayed event, or a second
-- reminder scan, finds its row there and adds none.
create table ntf_message (
    id              uuid primary key,
    cause           text        not null,
    member_id       uuid        not null,
    purpose         text        not null,
    group_id        uuid        not null,
    to_phone        text        not null,
    body            text        not null,
    -- PENDING, SENDING (handed to Twilio, answer not recorded yet), SENT, DELIVERED, UNDELIVERED, FAILED, SKIPPED
    status          text        not null,
    urgent          boolean     not null,
    -- after this instant the message is moot (its shift has started or ended) and is not sent
    moot_at         timestamptz,
    offer_kind      text,
    offer_ref       uuid,
    offer_code      text,
    offer_open      boolean     not null default false,
    twilio_sid      text,
    error_code      text,
    error_message   text,
    attempts        int         not null default 0,
    created_at      timestamptz not null,
    not_before      timestamptz not null,
    next_attempt_at timestamptz not null,
    sending_since   timestamptz,
    sent_at         timestamptz,
    updated_at      timestamptz not null,
    correlation_id  text,
    constraint ntf_message_once unique (cause, member_id, purpose)
);
create index ntf_message_due on ntf_message (next_attempt_at) where status = 'PENDING';
create index ntf_message_sending on ntf_message (sending_since) where status = 'SENDING';
create index ntf_message_group_created on ntf_message (group_id, created_at desc);
create unique index ntf_message_sid on ntf_message (twilio_sid) where twilio_sid is not null;
-- an offer's code is unique among the open offers sent to one phone
create unique index ntf_message_open_offer on ntf_message (to_phone, offer_code) where offer_open;
create index ntf_message_offer_ref on ntf_message (offer_ref) where offer_ref is not null;

-- What later SMS about a swap or a coverage request need to name: its slots and parties.
create table ntf_swap (
    swap_id            uuid primary key,
    group_id           uuid        not null,
    proposer_id        uuid        not null,
    counterpart_id     uuid        not null,
    from_shift_type_id uuid        not null,
    from_date          date        not null,
    from_start         timestamptz not null,
    from_end           timestamptz not null,
    to_shift_type_id   uuid,
    to_date            date,
    to_start           timestamptz,
    to_end             timestamptz
);

create table ntf_coverage (
    request_id    uuid primary key,
    group_id      uuid        not null,
    shift_type_id uuid        not null,
    slot_date     date        not null,
    starts_at     timestamptz not null,
    ends_at       timestamptz not null,
    requester_id  uuid,
    offered_to    uuid[]      not null
);

-- A group's daily reminders for a local day, once they have all been put in the outbox.
create table ntf_daily_reminder (
    group_id uuid        not null,
    day      date        not null,
    done_at  timestamptz not null,
    primary key (group_id, day)
);
