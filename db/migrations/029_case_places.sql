-- Where a case is, and where an area lies (docs/product.md#address-and-point-of-a-case,
-- docs/product.md#area-from-the-point, docs/geo.md).
--
-- A case keeps its free-text location; beside it, optionally, the point: the BAG
-- address id (nummeraanduiding) when the point is an address, and its coordinates
-- in WGS84 (EPSG:4326, longitude/latitude) and in RD New (EPSG:28992, x/y metres).
-- area_from_point says the case's area was assigned from the point, not chosen.
alter table cases
  add column address_id text check (address_id ~ '^[0-9]{16}$'),
  add column lon double precision check (lon between -180 and 180),
  add column lat double precision check (lat between -90 and 90),
  add column rd_x double precision,
  add column rd_y double precision,
  add column area_from_point boolean not null default false,
  add constraint cases_point_complete check (
    (lon is null) = (lat is null) and (lon is null) = (rd_x is null) and (lon is null) = (rd_y is null)
  ),
  add constraint cases_address_has_point check (address_id is null or lon is not null);

-- The map's cases: only those with a point, newest first.
create index cases_point on cases (municipality_id, submitted_at desc) where lon is not null;

-- An area's boundary: a GeoJSON Polygon or MultiPolygon in WGS84, validated before it
-- is stored (src/modules/geo/model.ts). The bounding box is kept beside it so that
-- finding the area of a point reads only the boundaries whose box holds the point.
create table area_boundaries (
  area_id uuid primary key references areas(id) on delete cascade,
  municipality_id uuid not null references municipalities(id),
  geometry jsonb not null,
  min_lon double precision not null,
  min_lat double precision not null,
  max_lon double precision not null,
  max_lat double precision not null,
  updated_at timestamptz not null default now(),
  check (min_lon <= max_lon and min_lat <= max_lat)
);
create index area_boundaries_box on area_boundaries (municipality_id, min_lon, max_lon);

alter table area_boundaries enable row level security;
create policy tenant on area_boundaries using (municipality_id = nullif(current_setting('regie.municipality_id', true), '')::uuid);
grant select, insert, update, delete on area_boundaries to regie_app;
