-- The nodes that share this database, with the tracking processors each runs, each seen within the last
-- seconds (ClaimShare): how many run a processor decides each node's fair share of its segments. Rows of
-- stopped nodes expire.
create table rota_node (
    node_id    varchar(255)                not null primary key,
    processors text[]                      not null,
    last_seen  timestamp(6) with time zone not null
);
