-- A download of an attachment is a read of possibly personal data and is logged like
-- the other reads of the case file (docs/product.md#inzage-in-persoonsgegevens-wordt-gelogd):
-- who, which case, which file id — never the content. The id is not a foreign key: the
-- log is append-only and outlives a removed file.
alter table access_log drop constraint access_log_kind_check;
alter table access_log add constraint access_log_kind_check
  check (kind in ('contactDetails', 'dossier', 'export', 'crossMunicipality', 'attachment'));
alter table access_log add column attachment_id uuid;
alter table access_log add constraint access_log_attachment
  check ((kind = 'attachment') = (attachment_id is not null));
