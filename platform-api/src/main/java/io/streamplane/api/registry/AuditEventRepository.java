package io.streamplane.api.registry;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

interface AuditEventRepository extends ListCrudRepository<AuditEventRow, Long> {

	List<AuditEventRow> findByPipelineNameOrderByOccurredAtAscIdAsc(String pipelineName);

}
