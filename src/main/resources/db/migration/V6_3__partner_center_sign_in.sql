-- partner-center mode: the partner admin's consent (secure application model, reference §8 Authentication).
-- One row per OAuth2 client registration; the refresh token is encrypted (AES-256-GCM, key from
-- pco.partner-center.token-encryption-key, a random salt per row). Access tokens are kept in memory only.
create table pco_partner_center_sign_in (
    registration_id varchar(100)  not null primary key,
    -- SIGNED_IN | REVOKED (Entra answered invalid_grant: revoked, or expired after 90 days unused)
    state           varchar(32)   not null,
    refresh_token   text,
    salt            varchar(64),
    scopes          varchar(1000),
    consented_by    varchar(200)  not null,
    consented_at    timestamp with time zone not null,
    refreshed_at    timestamp with time zone,
    problem         varchar(2000)
);

-- The application's webhook registration with Partner Center (/webhooks/v1/registration), as last confirmed,
-- or why it failed. (The last event received is read from pco_partner_center_event.)
create table pco_partner_center_webhook (
    id                  varchar(32)   not null primary key,
    webhook_url         varchar(2000),
    events              varchar(2000),
    registered_at       timestamp with time zone,
    problem             varchar(2000),
    checked_at          timestamp with time zone not null
);
