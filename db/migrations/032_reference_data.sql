-- Reference data: tables whose rows the migrations write themselves, the same in every
-- installation (e.g. the published webhook event types), not a municipality's data. The
-- comment marks them for `regie restore`, which finds them filled in a freshly migrated,
-- empty database and replaces their rows with the backup's (docs/operations.md).
comment on table webhook_event_types is 'regie:reference-data';
