-- Scene segments as large objects too (V12 did soundtracks): a scene lasts up to 300 s, 38 MB of WAV, and a bytea is
-- read whole. The segments stored so far move over here, inside the server.
ALTER TABLE scene_segments ADD COLUMN content oid;
UPDATE scene_segments SET content = lo_from_bytea(0, audio) WHERE audio IS NOT NULL;
ALTER TABLE scene_segments DROP COLUMN audio;

-- unlinked when the row goes (with its job) or the scene is stored again (made again, or by a resumed run)
CREATE TRIGGER scene_segments_unlink AFTER UPDATE OR DELETE ON scene_segments
    FOR EACH ROW EXECUTE FUNCTION unlink_replaced_video();
