package io.streamplane.benchmarks.joins;

/**
 * One row of the users table, written as JSON
 * {@code {"id": 4711, "name": "user-4711", "plan": "pro", "country": "de"}} with the Kafka record
 * key {@code 4711}.
 *
 * @param id the primary key
 * @param name the user's name
 * @param plan the user's plan
 * @param country the user's country code
 */
record User(long id, String name, String plan, String country) {
}
