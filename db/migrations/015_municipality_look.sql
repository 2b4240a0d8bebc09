-- The municipality's own look and contact details in the web app
-- (docs/product.md#the-municipalitys-own-look): contact e-mail, phone and website,
-- a small logo stored here (never fetched from elsewhere) and a primary colour
-- that keeps white text readable (checked by the application, WCAG 1.4.3).
alter table municipalities
  add column contact_email text check (contact_email is null or length(contact_email) between 3 and 254),
  add column contact_phone text check (contact_phone is null or length(contact_phone) between 1 and 40),
  add column contact_website text check (contact_website is null or (length(contact_website) <= 300 and contact_website like 'https://%')),
  add column logo bytea check (logo is null or length(logo) <= 102400),
  add column logo_type text check (logo_type is null or logo_type in ('image/svg+xml', 'image/png')),
  add column logo_updated_at timestamptz,
  add column primary_color text check (primary_color is null or primary_color ~ '^#[0-9a-f]{6}$'),
  add constraint municipality_logo_typed check ((logo is null) = (logo_type is null));
