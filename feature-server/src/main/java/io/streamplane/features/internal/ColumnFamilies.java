package io.streamplane.features.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * The database and its column families: {@code __offsets} (consumed offsets), {@code __views} (newest
 * event time per view) and one {@code view.<name>} family per feature view, created on first write.
 */
public final class ColumnFamilies implements AutoCloseable {

	/** Consumed offset per source partition. */
	public static final String OFFSETS = "__offsets";

	/** Newest event time per view, epoch milliseconds. */
	public static final String VIEWS = "__views";

	private static final String VIEW_PREFIX = "view.";

	private final RocksDB db;

	private final StoreMemory memory;

	private final Map<String, ColumnFamilyHandle> handles = new ConcurrentHashMap<>();

	private ColumnFamilies(RocksDB db, StoreMemory memory, List<String> names, List<ColumnFamilyHandle> opened) {
		this.db = db;
		this.memory = memory;
		for (int i = 0; i < names.size(); i++) {
			handles.put(names.get(i), opened.get(i));
		}
	}

	/** Opens (or creates) the database in {@code directory} with every family it already has. */
	public static ColumnFamilies open(Path directory, StoreMemory memory) throws RocksDBException, IOException {
		Files.createDirectories(directory);
		Set<String> names = new LinkedHashSet<>(List.of(new String(RocksDB.DEFAULT_COLUMN_FAMILY,
				StandardCharsets.UTF_8), OFFSETS, VIEWS));
		if (Files.exists(directory.resolve("CURRENT"))) {
			try (Options options = new Options()) {
				RocksDB.listColumnFamilies(options, directory.toString())
					.forEach(name -> names.add(new String(name, StandardCharsets.UTF_8)));
			}
		}
		List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
		names.forEach(name -> descriptors.add(descriptor(name, memory)));
		List<ColumnFamilyHandle> opened = new ArrayList<>();
		RocksDB db = RocksDB.open(memory.dbOptions(), directory.toString(), descriptors, opened);
		return new ColumnFamilies(db, memory, List.copyOf(names), opened);
	}

	/** The database. */
	public RocksDB db() {
		return db;
	}

	/** One of the system families, {@link #OFFSETS} or {@link #VIEWS}. */
	public ColumnFamilyHandle system(String name) {
		return handles.get(name);
	}

	/** The family of a view, if anything was ever written to it. */
	public Optional<ColumnFamilyHandle> view(String view) {
		return Optional.ofNullable(handles.get(VIEW_PREFIX + view));
	}

	/** The family of a view, created if missing. */
	public ColumnFamilyHandle viewOrCreate(String view) throws RocksDBException {
		String name = VIEW_PREFIX + view;
		ColumnFamilyHandle handle = handles.get(name);
		if (handle != null) {
			return handle;
		}
		synchronized (handles) {
			handle = handles.get(name);
			if (handle == null) {
				handle = db.createColumnFamily(descriptor(name, memory));
				handles.put(name, handle);
			}
			return handle;
		}
	}

	/** Names of the views that have a family. */
	public Set<String> views() {
		Set<String> views = new LinkedHashSet<>();
		handles.keySet().stream().filter(name -> name.startsWith(VIEW_PREFIX))
			.forEach(name -> views.add(name.substring(VIEW_PREFIX.length())));
		return views;
	}

	@Override
	public void close() {
		handles.values().forEach(ColumnFamilyHandle::close);
		handles.clear();
		db.close();
	}

	private static ColumnFamilyDescriptor descriptor(String name, StoreMemory memory) {
		return new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8), memory.columnFamilyOptions());
	}
}
