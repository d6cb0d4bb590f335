-- Where the center's clerks keep the keys they certify with: a key file Rastau opens itself
-- ('pkcs12', the default, what every center did until now) or NCALayer ('ncalayer'), with the
-- storages NCALayer's window offers (comma separated: file, kaztoken, id-card, other-tokens;
-- all four unless a supervisor chose fewer, kept when the center goes back to key files).
ALTER TABLE center ADD COLUMN key_source TEXT NOT NULL DEFAULT 'pkcs12'
    CHECK (key_source IN ('pkcs12', 'ncalayer'));
ALTER TABLE center ADD COLUMN ncalayer_storages TEXT NOT NULL
    DEFAULT 'file,kaztoken,id-card,other-tokens'
    CHECK (ncalayer_storages <> '');
