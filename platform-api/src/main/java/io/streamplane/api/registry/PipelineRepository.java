package io.streamplane.api.registry;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface PipelineRepository extends ListCrudRepository<PipelineRow, String> {

	@Query("select * from pipeline where desired_state <> 'DELETED' order by name limit :limit offset :offset")
	List<PipelineRow> findLive(long limit, long offset);

	@Query("select count(*) from pipeline where desired_state <> 'DELETED'")
	long countLive();

	/**
	 * Waits for, then holds until the transaction ends, the lock that serializes the transactions checking
	 * feature view and index names, so two pipelines created at once cannot both take one name.
	 */
	@Query("select 1 from pg_advisory_xact_lock(7310470271185043812)")
	Integer lockServedNames();

	default List<PipelineRow> findLive(Pageable page) {
		return findLive(page.getPageSize(), page.getOffset());
	}

}
