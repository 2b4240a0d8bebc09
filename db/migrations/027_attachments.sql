-- Attachments (docs/product.md#attachments): files on the intake, on messages, on a
-- department's answer in an assessment round and on commitments. The file itself is
-- in the file store (DATA_DIR/files or S3-compatible storage), addressed by the
-- municipality and its SHA-256; this row is written only once the file is complete.
create table attachments (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipalities(id),
  case_id uuid not null references cases(id),
  -- what the file hangs on; target_id is the party (answer) or the commitment
  kind text not null check (kind in ('intake', 'message', 'answer', 'commitment')),
  target_id uuid,
  file_name text not null check (length(file_name) between 1 and 255),
  media_type text not null check (length(media_type) between 1 and 100),
  size_bytes bigint not null check (size_bytes > 0),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  storage_key text not null check (length(storage_key) between 1 and 300),
  uploaded_by uuid references users(id),
  uploaded_by_name text not null check (length(uploaded_by_name) <= 200),
  uploaded_at timestamptz not null,
  check ((kind in ('answer', 'commitment')) = (target_id is not null))
);
create index attachments_case on attachments (municipality_id, case_id, kind, uploaded_at);
create index attachments_target on attachments (municipality_id, target_id) where target_id is not null;
-- the orphan clean-up looks files up by their key
create index attachments_key on attachments (storage_key);

-- Per municipality: how large one file may be and how many may hang on one thing.
create table attachment_settings (
  municipality_id uuid primary key references municipalities(id),
  max_file_mb integer not null default 10 check (max_file_mb between 1 and 100),
  max_files integer not null default 10 check (max_files between 1 and 50),
  updated_at timestamptz not null default now()
);

alter table attachments enable row level security;
create policy tenant on attachments
  using (municipality_id = nullif(current_setting('regie.municipality_id', true), '')::uuid);
alter table attachment_settings enable row level security;
create policy tenant on attachment_settings
  using (municipality_id = nullif(current_setting('regie.municipality_id', true), '')::uuid);
grant select, insert, delete on attachments to regie_app;
grant select, insert, update on attachment_settings to regie_app;
