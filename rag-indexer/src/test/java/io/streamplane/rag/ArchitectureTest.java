package io.streamplane.rag;

import io.streamplane.architecture.ArchitectureContract;

/** The boundaries of this module's packages (see {@link ArchitectureContract}). */
class ArchitectureTest extends ArchitectureContract {

}
