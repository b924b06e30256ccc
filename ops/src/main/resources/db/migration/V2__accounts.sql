-- Logins. Mutable on purpose: credentials can be changed and erased, so they never go into events.
create table accounts (
    id            uuid                        not null primary key,
    username      varchar(100)                not null,
    email         varchar(254),
    password_hash varchar(255)                not null,
    super_admin   boolean                     not null default false,
    enabled       boolean                     not null default true,
    created_at    timestamp(6) with time zone not null,
    updated_at    timestamp(6) with time zone not null
);
create unique index accounts_username_unique on accounts (lower(username));
create unique index accounts_email_unique on accounts (lower(email));
