-- Events are appended by Axon's JDBC storage engine (issue 12), which leaves the global index to the database:
-- it takes the next value of the same sequence, one at a time, as the JPA engine did (orm.xml).
alter table domain_event_entry alter column global_index set default nextval('domain_event_entry_seq');
alter sequence domain_event_entry_seq owned by domain_event_entry.global_index;
