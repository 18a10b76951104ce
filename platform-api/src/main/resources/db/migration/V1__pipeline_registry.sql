-- Pipeline registry: one row per pipeline, immutable versions, and an audit trail.

create table pipeline (
    name           varchar(63)  primary key,
    latest_version integer      not null,
    desired_state  varchar(16)  not null,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null,
    row_version    bigint       not null
);

create table pipeline_version (
    id             bigserial    primary key,
    pipeline_name  varchar(63)  not null references pipeline (name),
    version        integer      not null,
    spec_json      text         not null,
    source_text    text         not null,
    source_format  varchar(8)   not null,
    created_at     timestamptz  not null,
    created_by     varchar(128) not null,
    unique (pipeline_name, version)
);

create table audit_event (
    id             bigserial    primary key,
    pipeline_name  varchar(63)  not null,
    action         varchar(32)  not null,
    version        integer,
    actor          varchar(128) not null,
    client_address varchar(64),
    occurred_at    timestamptz  not null
);

create index audit_event_pipeline_idx on audit_event (pipeline_name, occurred_at);
