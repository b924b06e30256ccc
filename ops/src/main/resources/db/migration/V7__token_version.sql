-- Tokens can be revoked: a token carries the account's token version at issue time and is refused once
-- the version has moved on (password changed, login disabled). Existing tokens carry none, read as 0.
alter table accounts add column token_version bigint not null default 0;
