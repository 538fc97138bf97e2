SELECT MAX("actors_actor"."updated_at") AS "updated", MAX("actors_actor"."indexed_at") AS "indexed", MAX("actors_actor"."id") AS "pk" FROM "actors_actor";

SELECT MAX("opendata_actorremoval"."removed_at") AS "at", MAX("opendata_actorremoval"."id") AS "pk" FROM "opendata_actorremoval";

SELECT (((websearch_to_tsquery('…'::regconfig, '…') || websearch_to_tsquery('…'::regconfig, '…')) || websearch_to_tsquery('…'::regconfig, '…')))::text;

SELECT "actors_service"."id", "actors_service"."slug", "actors_service"."name", "actors_service"."name_eu", "actors_service"."name_es", "actors_service"."description", "actors_service"."position" FROM "actors_service" WHERE "actors_service"."slug" IN ('…') ORDER BY "actors_service"."position" ASC, "actors_service"."name" ASC;

SELECT "actors_theme"."id", "actors_theme"."slug", "actors_theme"."name", "actors_theme"."name_eu", "actors_theme"."name_es", "actors_theme"."description", "actors_theme"."position" FROM "actors_theme" WHERE "actors_theme"."slug" IN ('…') ORDER BY "actors_theme"."position" ASC, "actors_theme"."name" ASC;

SELECT N AS "a" FROM "actors_actor" WHERE ("actors_actor"."status" = '…' AND ("actors_actor"."service_ids" && (ARRAY[N])::integer[] OR "actors_actor"."theme_ids" && (ARRAY[N])::integer[] OR "actors_actor"."search_vector" @@ ('…''…''…''…''…''…''…'::tsquery))) LIMIT N;

SELECT "actors_theme"."id" AS "id", "actors_theme"."slug" AS "slug" FROM "actors_theme" ORDER BY "actors_theme"."position" ASC, "actors_theme"."name" ASC;

SELECT "actors_service"."id" AS "id", "actors_service"."slug" AS "slug" FROM "actors_service" ORDER BY "actors_service"."position" ASC, "actors_service"."name" ASC;

SELECT "actors_public"."id" AS "id", "actors_public"."slug" AS "slug" FROM "actors_public" ORDER BY "actors_public"."position" ASC, "actors_public"."name" ASC;

SELECT "actors_language"."id" AS "id", "actors_language"."slug" AS "slug" FROM "actors_language" ORDER BY "actors_language"."position" ASC, "actors_language"."name" ASC;

EXPLAIN (FORMAT JSON) SELECT id FROM "actors_actor" WHERE search_vector @@ '…''…''…'::tsquery;

SELECT id FROM "actors_actor" WHERE search_vector @@ '…''…''…'::tsquery LIMIT N;

DECLARE "_django_curs_…" NO SCROLL CURSOR FOR SELECT "actors_actor"."slug" AS "slug", "actors_actor"."name" AS "name", "actors_actor"."summary" AS "summary", "actors_actor"."summary_eu" AS "summary_eu", "actors_actor"."summary_es" AS "summary_es", "actors_actor"."description" AS "description", "actors_actor"."description_eu" AS "description_eu", "actors_actor"."description_es" AS "description_es", "actors_actor"."website" AS "website", "actors_actor"."email" AS "email", "actors_actor"."phone" AS "phone", "actors_actor"."street_address" AS "street_address", "actors_actor"."location_precision" AS "location_precision", "actors_actor"."welcomes_public" AS "welcomes_public", "actors_actor"."works_remotely" AS "works_remotely", "actors_actor"."travels" AS "travels", "actors_actor"."opening_hours" AS "opening_hours", "actors_actor"."acceslibre_url" AS "acceslibre_url", "actors_actor"."step_free_access" AS "step_free_access", "actors_actor"."accessible_toilets" AS "accessible_toilets", "actors_actor"."hearing_loop" AS "hearing_loop", "actors_actor"."appointment_url" AS "appointment_url", "actors_actor"."fees" AS "fees", "actors_actor"."siret" AS "siret", "actors_actor"."rna" AS "rna", "actors_actor"."is_demo" AS "is_demo", "actors_actor"."updated_at" AS "updated_at", "actors_actor"."theme_ids" AS "theme_ids", "actors_actor"."service_ids" AS "service_ids", "actors_actor"."public_ids" AS "public_ids", "actors_actor"."language_ids" AS "language_ids", "actors_actorkind"."slug" AS "_kind", "actors_commune"."name" AS "_commune", "actors_commune"."insee" AS "_insee", ("actors_commune"."postcodes")[N] AS "_postcode", ST_X("actors_actor"."location") AS "_lon", ST_Y("actors_actor"."location") AS "_lat" FROM "actors_actor" INNER JOIN "actors_actorkind" ON ("actors_actor"."kind_id" = "actors_actorkind"."id") INNER JOIN "actors_commune" ON ("actors_actor"."commune_id" = "actors_commune"."id") WHERE ("actors_actor"."status" = '…' AND ("actors_actor"."service_ids" && (ARRAY[N])::integer[] OR "actors_actor"."theme_ids" && (ARRAY[N])::integer[] OR "actors_actor"."search_vector" @@ ('…''…''…''…''…''…''…'::tsquery))) ORDER BY (CASE WHEN "actors_actor"."id" IN (N) THEN ts_rank("actors_actor"."search_vector", '…''…''…''…''…''…''…'::tsquery) WHEN "actors_actor"."search_vector" IS NULL THEN NULL ELSE N END + (N + CASE WHEN "actors_actor"."service_ids" && (ARRAY[N])::integer[] THEN N WHEN "actors_actor"."theme_ids" && (ARRAY[N])::integer[] THEN N ELSE N END)) DESC NULLS LAST, N ASC, "actors_actor"."id" ASC;
