-- Issue 14, bulk onboarding: a row may name the subscriptions for "Onboard customer subscriptions"
-- (CustomerSubscriptionOnboarding), started once the row's reseller relationship is established.
alter table pco_bulk_row add column onboarding_json varchar(8000);
alter table pco_bulk_row add column onboarding_id varchar(64);
alter table pco_bulk_row add column onboarding_failure varchar(2000);
