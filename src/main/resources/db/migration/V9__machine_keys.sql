-- Keys of the machine clients (channel accounts: the 12345 hotline, Open311 clients). One key per client, 256
-- random bits, stored as its SHA-256 digest only; issued and rotated by an admin through /api/machine-keys. A
-- rotation replaces the row's digest, so the old key stops working on every node at once.
create table yishi_machine_key (
    client     varchar(64)  not null primary key,
    key_digest varchar(64)  not null,
    channel    varchar(32)  not null,
    issued_at  timestamp with time zone not null,
    issued_by  varchar(64)  not null,
    constraint uq_machine_key_digest unique (key_digest)
);
