-- The outbox files of a drop now show the given version of its job; the claim is given back.
UPDATE file_drops SET written_version = :#${variable.drop[version]}, writer = NULL, writer_until = NULL
WHERE name = :#${variable.drop[name]} AND writer = :#${properties:scenescore.instance-id}
