package io.streamplane.features;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

import io.streamplane.features.internal.StoreMemory;
import io.streamplane.features.internal.TileKeys;

/**
 * One view's stored tiles read raw, by key, from a tile store opened read-only with the block cache and
 * options a {@link TileStore} uses: the floor under which no feature read can go, for baselines and
 * diagnostics. Open it only while no {@link TileStore} has the directory open for writing.
 */
public final class RawTileReader implements AutoCloseable {

	static {
		RocksDB.loadLibrary();
	}

	private final StoreMemory memory;

	private final RocksDB db;

	private final List<ColumnFamilyHandle> handles;

	private final ColumnFamilyHandle view;

	private RawTileReader(StoreMemory memory, RocksDB db, List<ColumnFamilyHandle> handles, ColumnFamilyHandle view) {
		this.memory = memory;
		this.db = db;
		this.handles = handles;
		this.view = view;
	}

	/**
	 * Opens the store in {@code config.directory()} read-only.
	 *
	 * @throws FeatureServerException if the store cannot be opened or holds no tiles of {@code view}
	 */
	public static RawTileReader open(TileStoreConfig config, String view) {
		StoreMemory memory = new StoreMemory(config);
		String directory = config.directory().toString();
		try (Options listing = new Options()) {
			List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
			int viewFamily = -1;
			for (byte[] name : RocksDB.listColumnFamilies(listing, directory)) {
				if (new String(name, StandardCharsets.UTF_8).equals("view." + view)) {
					viewFamily = descriptors.size();
				}
				descriptors.add(new ColumnFamilyDescriptor(name, memory.columnFamilyOptions()));
			}
			if (viewFamily < 0) {
				throw new RocksDBException("no tiles of view '" + view + "'");
			}
			List<ColumnFamilyHandle> handles = new ArrayList<>();
			RocksDB db = RocksDB.openReadOnly(memory.dbOptions(), directory, descriptors, handles);
			return new RawTileReader(memory, db, handles, handles.get(viewFamily));
		}
		catch (RocksDBException e) {
			memory.close();
			throw FeatureServerException.storage("cannot open tile store in " + directory + " read-only: " +
					e.getMessage(), e);
		}
	}

	/** The stored bytes of one entity's tile starting at {@code tileStartMs}, or {@code null} if none. */
	public byte[] get(String entity, long tileStartMs) {
		try {
			return db.get(view, TileKeys.key(entity, tileStartMs));
		}
		catch (RocksDBException e) {
			throw FeatureServerException.storage("raw get failed: " + e.getMessage(), e);
		}
	}

	@Override
	public void close() {
		handles.forEach(ColumnFamilyHandle::close);
		db.close();
		memory.close();
	}

}
