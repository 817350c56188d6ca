-- The phone number WeChat verified for the user (getuserphonenumber): personal data, so it is sealed like the
-- session_key, base64(IV || AES-256-GCM ciphertext || tag) of "countryCode\npurePhoneNumber\nphoneNumber", beside
-- the id of the data key that sealed it. NULL until the user hands over a phone code.
ALTER TABLE app_user ADD phone_ciphertext VARCHAR(255);
ALTER TABLE app_user ADD phone_key_id VARCHAR(16);
