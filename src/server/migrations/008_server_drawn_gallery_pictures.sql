-- Gallery pictures are drawn by the server from a candidate's choices (the product's 2D drawing,
-- with no personal text or artwork), no longer sent by the browser. A picture the browser sent
-- before could show the submitter's personal text or artwork, so every one of them is deleted:
-- a candidate without a picture gets one drawn from its design the first time it is asked for.
ALTER TABLE candidates ALTER COLUMN thumbnail DROP NOT NULL;
UPDATE candidates SET thumbnail = NULL;
