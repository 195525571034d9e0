-- Soundtracks as large objects, as videos are (V3): streamed between a file and the database in chunks, never whole
-- in the service's heap (a bytea is read whole, and a long WAV soundtrack is hundreds of MB). The soundtracks stored
-- so far move over here, inside the server.
ALTER TABLE soundtracks ADD COLUMN content oid;
UPDATE soundtracks SET content = lo_from_bytea(0, audio);
ALTER TABLE soundtracks ALTER COLUMN content SET NOT NULL;
ALTER TABLE soundtracks DROP COLUMN audio;

-- unlinked when its row is deleted (a job's deletion cascades here) or its content replaced (a resumed run storing
-- its version again): the same function as the videos' (it works on any table's content column)
CREATE TRIGGER soundtracks_unlink AFTER UPDATE OR DELETE ON soundtracks
    FOR EACH ROW EXECUTE FUNCTION unlink_replaced_video();
