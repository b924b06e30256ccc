-- Events, tokens and sagas are stored by Axon's JDBC engines (issue 12), which leave generated keys to the
-- database: an event's global index takes the next value of the same sequence, one at a time, as the JPA engine
-- did (orm.xml); a saga's association row takes its id from the sequence Hibernate drew from.
alter table domain_event_entry alter column global_index set default nextval('domain_event_entry_seq');
alter sequence domain_event_entry_seq owned by domain_event_entry.global_index;
alter table association_value_entry alter column id set default nextval('association_value_entry_seq');
alter sequence association_value_entry_seq owned by association_value_entry.id;
