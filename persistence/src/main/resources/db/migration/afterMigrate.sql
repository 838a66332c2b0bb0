-- Flyway runs this after every migration: the backup's change capture on every table (V17).
SELECT backup_install_capture();
