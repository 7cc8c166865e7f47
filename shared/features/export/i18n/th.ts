/** Thai. Same keys as en.ts; plurals use the th category (other only). */
export const th = {
  xlsx: 'ส่งออกเป็น Excel',
  working: 'กำลังส่งออก…',
  progress_other: 'กำลังส่งออก… {{done}} จาก {{count}} แถว',
  done_other: 'บันทึก {{count}} แถวไปที่ {{path}} แล้ว',
  csv: 'ส่งออกเป็น CSV',
  csvDone_other: 'ส่งออก {{count}} แถวเป็น CSV แล้ว (ดูในโฟลเดอร์ดาวน์โหลด)',
  theExport: 'การส่งออก',
};
