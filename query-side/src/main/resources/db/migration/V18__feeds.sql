-- iCalendar feeds. A feed token is a credential: only its SHA-256 hash (hex) is kept, and the table is not a
-- read model (no replay rebuilds it; a reset of the "feeds" projection leaves it alone). One live token per
-- member feed and one per group feed (member_id null): issuing a new one replaces the row, which revokes the old.
create table feed_token (
    token_hash char(64)                    not null primary key,
    group_id   uuid                        not null,
    member_id  uuid,
    issued_at  timestamp(6) with time zone not null
);
create unique index feed_token_member on feed_token (member_id) where member_id is not null;
create unique index feed_token_group on feed_token (group_id) where member_id is null;

-- Read model of the query-side projection "feeds"; rebuilt from events on replay. Which group a member is
-- in, their name (the feed's title) and whether they are active (a deactivated member's feed is revoked).
create table feed_member (
    member_id uuid         not null primary key,
    group_id  uuid         not null,
    name      varchar(100) not null,
    active    boolean      not null
);
