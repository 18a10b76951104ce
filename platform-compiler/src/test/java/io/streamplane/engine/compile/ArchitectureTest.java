package io.streamplane.engine.compile;

import io.streamplane.architecture.ArchitectureContract;

/** The boundaries of this module's packages (see {@link ArchitectureContract}). */
class ArchitectureTest extends ArchitectureContract {

}
