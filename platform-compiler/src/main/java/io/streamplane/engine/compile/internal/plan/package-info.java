/**
 * Topology planning: {@link io.streamplane.engine.compile.internal.plan.TopologyPlanner} walks a
 * validated spec (sources, tables, transforms in dependency order, outputs, feature views, indexes) and
 * hands each step to the compiler of its concern. The top of the compiler: may use every other
 * {@code compile.internal} package; only {@code io.streamplane.engine.compile} uses it.
 */
package io.streamplane.engine.compile.internal.plan;
