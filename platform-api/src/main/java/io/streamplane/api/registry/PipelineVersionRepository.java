package io.streamplane.api.registry;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface PipelineVersionRepository extends ListCrudRepository<PipelineVersionRow, Long> {

	Optional<PipelineVersionRow> findByPipelineNameAndVersion(String pipelineName, int version);

	List<PipelineVersionRow> findByPipelineNameOrderByVersionAsc(String pipelineName);

}
