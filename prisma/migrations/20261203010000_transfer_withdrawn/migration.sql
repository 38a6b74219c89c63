-- A pending transfer withdrawn by an admin of its source (issue 14): decided_by_id and decided_at say who and when
ALTER TYPE "TransferStatus" ADD VALUE 'withdrawn';
