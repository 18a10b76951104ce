/**
 * The pipeline registry: pipelines, their versions and the audit log in PostgreSQL (Spring Data JDBC), and
 * the rules of a change (versions, conflicts, names served by another pipeline). May use the spec, the
 * protocol and Spring Data; not the web layer.
 */
package io.streamplane.api.registry;
