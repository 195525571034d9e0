-- The loudness of a delivered soundtrack as measured on it (EBU R128, by FFmpeg's loudnorm): integrated (LUFS),
-- true peak (dBTP), loudness range (LU). Null when it was not measured (soundtracks stored before) or is silent.
ALTER TABLE soundtracks ADD COLUMN loudness_integrated double precision,
                        ADD COLUMN loudness_true_peak double precision,
                        ADD COLUMN loudness_range double precision;
